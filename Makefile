# loyalty: PGXS build.
#
#   make              build
#   make install      install into the PostgreSQL found by PG_CONFIG
#   make test         install what is missing (as root), then run pg_regress
#                     and pgTAP against a throwaway cluster
#   make demo         the sample CRM report, in a throwaway cluster
#   make bench        the benchmark, in a throwaway cluster
#   make installcheck the whole suite against an installed extension and a
#                     running server (PGHOST, PGPORT, PGUSER)
#   make test-matrix  the whole suite on PostgreSQL 13 to 18, built from the
#                     release tarballs in PG_SOURCES (cached)
#   make test-citus   every aggregate on a throwaway Citus cluster
#   make test-deb     build the Debian package, install it, check it in a
#                     throwaway cluster of the system server, remove it (root)
#   make dist         the release archive loyalty-VERSION.zip (PGXN), from HEAD
#   make test-dist    make dist, check META.json, build and install the
#                     unpacked archive without git

EXTENSION = loyalty
EXTVERSION = 0.2.0
MODULE_big = loyalty
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
# The install script, and the upgrade scripts from earlier releases (from
# sql/upgrade/A--B.sql).
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--0.1.0--0.2.0.sql
# Earlier releases whose scripts the upgrade test installs (from git).
OLD_RELEASES = 0.1.0

# pg_regress tests: sql/NAME.sql against expected/NAME.out
REGRESS = ratings_io ratings_plans drivers_io drivers_plans
REGRESS_OPTS = --load-extension=$(EXTENSION)
# Our installcheck runs the whole suite, pg_regress included (below).
NO_INSTALLCHECK = 1

PG_CONFIG ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src
# Warnings that PostgreSQL's own headers trip under -Wextra stay off.
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wno-cast-function-type $(LOYALTY_CFLAGS)

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

# Where `make test` installs the extension for the throwaway cluster; the
# server finds it there through Debian's extension_destdir setting.  Run as
# root, pg_virtualenv starts that server as the postgres user, which may not
# be able to enter the checkout (a fresh clone under a 0700 mktemp folder):
# so the install goes to a world-readable folder in /tmp, one per checkout.
TEST_DESTDIR = /tmp/loyalty-install-$(shell echo '$(CURDIR)' | cksum | cut -d' ' -f1)

.PHONY: deps test demo bench fuzz test-install test-run demo-run bench-run fuzz-run test-matrix test-citus test-deb dist test-dist install-old-releases installcheck installcheck-regress

ifneq ($(wildcard $(PGXS)),)
include $(PGXS)

PG_MAJOR := $(shell $(PG_CONFIG) --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
PG_PKGLIBDIR := $(shell $(PG_CONFIG) --pkglibdir)
VIRTUALENV = PGPORT=$$(tools/free-port.sh) pg_virtualenv -t -v $(PG_MAJOR) \
	-o extension_destdir=$(TEST_DESTDIR) \
	-o dynamic_library_path=$(TEST_DESTDIR)$(PG_PKGLIBDIR):$(PG_PKGLIBDIR)

# Every object depends on the shared header (PGXS tracks no header changes).
$(OBJS): src/loyalty.h src/compat.h

# The install that the throwaway clusters of test, demo and bench read.
test-install: all
	@rm -rf $(TEST_DESTDIR)
	@$(MAKE) --no-print-directory install install-old-releases DESTDIR=$(TEST_DESTDIR) >/dev/null
	@chmod -R a+rX $(TEST_DESTDIR)

test-run: test-install
	tools/check-symbols.sh
	tools/check-names.sh
	$(VIRTUALENV) $(MAKE) --no-print-directory installcheck

# The fuzz test at scale: at least FUZZ_MUTATIONS mutations of each type's
# text and binary forms (test/fuzz.sql; make test runs a few thousand).
FUZZ_MUTATIONS ?= 20000
fuzz-run: test-install
	@$(VIRTUALENV) sh -c 'createdb loyalty_fuzz && \
		psql -X -q -d loyalty_fuzz -c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION loyalty" && \
		PGOPTIONS="-c loyalty_test.fuzz_mutations=$(FUZZ_MUTATIONS)" pg_prove -v -d loyalty_fuzz test/fuzz.sql'

demo-run: test-install
	@$(VIRTUALENV) demo/run.sh

bench-run: test-install
	@$(VIRTUALENV) -o shared_buffers=2GB -o max_parallel_workers_per_gather=0 bench/run.sh

# The scripts of earlier releases as released, for the upgrade test only
# (users update with the upgrade scripts and never need these).
install-old-releases:
	$(MKDIR_P) '$(DESTDIR)$(datadir)/extension'
	for v in $(OLD_RELEASES); do \
		f='$(DESTDIR)$(datadir)/extension/$(EXTENSION)--'$$v.sql; \
		tools/release-script.sh $$v > "$$f" || { s=$$?; rm -f "$$f"; [ $$s = 3 ] || exit 1; }; \
	done

# make installcheck: the whole suite (pg_regress, the upgrade check, pgTAP)
# against an installed extension and a running server, named by PGHOST,
# PGPORT and PGUSER as for psql.  make test runs it in a throwaway cluster.
installcheck:
	tools/run-tests.sh

installcheck-regress:
	$(pg_regress_installcheck) $(REGRESS_OPTS) $(REGRESS)

EXTRA_CLEAN = $(TEST_DESTDIR) results regression.diffs regression.out
endif

# These first install what is missing (tools/deps.sh), then run again
# in a new make, which then finds PGXS.
deps:
	@tools/deps.sh

test: deps
	@$(MAKE) --no-print-directory test-run

demo: deps
	@$(MAKE) --no-print-directory demo-run

bench: deps
	@$(MAKE) --no-print-directory bench-run

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-run

# The whole suite against every PostgreSQL release in PG_SOURCES (built once
# into a cache) and Debian's installed server; see tools/test-matrix.sh.
test-matrix:
	@tools/test-matrix.sh

# Every aggregate on a real Citus cluster (a coordinator and two workers;
# Citus built once into the cache), against the same queries on local
# tables; see tools/test-citus.sh.
test-citus:
	@tools/test-citus.sh

# The Debian package (debian/): built from a copy of the tree, installed into
# the system PostgreSQL, checked in a throwaway cluster and removed again;
# see tools/test-deb.sh.
test-deb:
	@tools/test-deb.sh

# The release archive for PGXN and packagers, loyalty-$(EXTVERSION).zip, from
# HEAD; see tools/make-dist.sh.  test-dist checks META.json and that the
# unpacked archive builds and installs without git (tools/test-dist.sh).
dist:
	@tools/make-dist.sh

test-dist:
	@tools/test-dist.sh

# The install script is plain SQL, expanded from sql/install/*.sql (whose
# @foreach blocks repeat a declaration for each score type).  These need perl
# only, not PGXS (make dist runs them too), and come last so that neither is
# the default goal.
sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql)) tools/expand-sql.pl
	perl tools/expand-sql.pl $(filter %.sql,$^) > $@.tmp && mv $@.tmp $@

sql/$(EXTENSION)--%--$(EXTVERSION).sql: sql/upgrade/%--$(EXTVERSION).sql $(wildcard sql/install/*.sql) tools/expand-sql.pl
	perl tools/expand-sql.pl $< > $@.tmp && mv $@.tmp $@
