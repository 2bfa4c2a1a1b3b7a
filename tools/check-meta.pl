#!/usr/bin/perl
# Check META.json against the PGXN Meta Spec 1.0.0 (https://pgxn.org/meta/spec.txt)
# and against the rest of the tree: its version and the extension's must be
# loyalty.control's default_version, the Makefile's EXTVERSION and the
# upstream part of debian/changelog's newest version.
#
#   tools/check-meta.pl [TREE]    (TREE: the checkout by default; make
#                                  test-dist runs it on the unpacked archive,
#                                  where the files that provides names exist)
#
# Prints one line per problem and exits 1 if there is any.
use strict;
use warnings;
use JSON::PP;

my $tree = shift // do { my $d = $0; $d =~ s{/[^/]*$}{}; "$d/.." };
my @problems;
sub problem { push @problems, join('', @_) }

sub slurp {
    my ($path) = @_;
    open my $fh, '<', "$tree/$path" or die "check-meta: $tree/$path: $!\n";
    local $/;
    return scalar <$fh>;
}

my $meta = eval { JSON::PP->new->decode(slurp('META.json')) };
die "check-meta: META.json is not valid JSON: $@" unless $meta;

# Semantic versions as the spec means them (semver 1.0.0: X.Y.Z with an
# optional pre-release tag of letters, digits and hyphens).
my $semver = qr/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+)?$/;
# A prerequisite's version: 0 (any) or a semantic version, optionally with
# an operator.
sub prereq_ok {
    my ($v) = @_;
    return 1 if "$v" eq '0';
    return all_ok(map { s/^\s*(?:[<>]=?|==|!=)?\s*//r } split /,/, "$v");
}
sub all_ok { for (@_) { return 0 unless /$semver/ } return 1 }
sub is_str { defined $_[0] && !ref $_[0] && length $_[0] }

my %known = map { $_ => 1 } qw(name abstract description version maintainer
    license provides prereqs release_status resources tags no_index
    generated_by meta-spec);
for my $k (sort keys %$meta) {
    problem("unknown key \"$k\" (custom keys start with X_ or x_)")
        unless $known{$k} || $k =~ /^[Xx]_/;
}
for my $k (qw(name abstract version maintainer license provides meta-spec)) {
    problem("required key \"$k\" is missing") unless exists $meta->{$k};
}

problem('name must be a string of letters, digits, "-" or "_"')
    unless is_str($meta->{name}) && $meta->{name} =~ /^[A-Za-z][A-Za-z0-9_-]*$/;
problem('abstract must be a non-empty string') unless is_str($meta->{abstract});
problem("version \"", $meta->{version} // '', "\" is not a semantic version")
    unless is_str($meta->{version}) && $meta->{version} =~ $semver;

my $m = $meta->{maintainer};
problem('maintainer must be a string or a non-empty list of strings')
    unless is_str($m) || (ref $m eq 'ARRAY' && @$m && !grep { !is_str($_) } @$m);

my %licenses = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1
    artistic_2 bsd freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1
    lgpl_3_0 mit mozilla_1_0 mozilla_1_1 openssl perl_5 postgresql qpl_1_0
    ssleay sun restricted open_source unrestricted unknown);
my $l = $meta->{license};
my @l = ref $l eq 'ARRAY' ? @$l : ref $l eq 'HASH' ? keys %$l : ($l // '');
for (@l) { problem("license \"$_\" is not one of the spec's") unless $licenses{$_} || ref $l eq 'HASH' }
problem('license must be "postgresql", as LICENSE says')
    unless !ref $l && ($l // '') eq 'postgresql' && slurp('LICENSE') =~ /^PostgreSQL License/;

my $ms = $meta->{'meta-spec'};
problem('meta-spec must be {"version": "1.0.0", "url": "https://pgxn.org/meta/spec.txt"}')
    unless ref $ms eq 'HASH' && ($ms->{version} // '') eq '1.0.0'
        && ($ms->{url} // '') eq 'https://pgxn.org/meta/spec.txt';

my $p = $meta->{provides};
if (ref $p ne 'HASH' || !%$p) {
    problem('provides must name at least one extension');
} else {
    for my $ext (sort keys %$p) {
        my $e = $p->{$ext};
        if (ref $e ne 'HASH') { problem("provides.$ext must be an object"); next }
        for my $k (sort keys %$e) {
            problem("provides.$ext: unknown key \"$k\"")
                unless $k =~ /^(file|version|abstract|docfile|[Xx]_.*)$/;
        }
        problem("provides.$ext.file is required") unless is_str($e->{file});
        problem("provides.$ext.version \"", $e->{version} // '', "\" is not a semantic version")
            unless is_str($e->{version}) && $e->{version} =~ $semver;
        for my $f (grep { is_str($e->{$_}) } qw(file docfile)) {
            problem("provides.$ext.$f: $e->{$f} is not in the tree") unless -f "$tree/$e->{$f}";
        }
    }
    problem('provides must have the extension "loyalty"') unless $p->{loyalty};
}

if (exists $meta->{prereqs}) {
    my $pr = $meta->{prereqs};
    if (ref $pr ne 'HASH') { problem('prereqs must be an object') }
    else {
        for my $phase (sort keys %$pr) {
            problem("prereqs: unknown phase \"$phase\"")
                unless $phase =~ /^(configure|build|test|runtime|develop)$/;
            my $rel = $pr->{$phase};
            next unless ref $rel eq 'HASH';
            for my $r (sort keys %$rel) {
                problem("prereqs.$phase: unknown relation \"$r\"")
                    unless $r =~ /^(requires|recommends|suggests|conflicts)$/;
                next unless ref $rel->{$r} eq 'HASH';
                for my $dep (sort keys %{ $rel->{$r} }) {
                    problem("prereqs.$phase.$r.$dep: \"$rel->{$r}{$dep}\" is not 0 or a semantic version")
                        unless prereq_ok($rel->{$r}{$dep});
                }
            }
        }
    }
}
problem('release_status must be stable, testing or unstable')
    if exists $meta->{release_status} && ($meta->{release_status} // '') !~ /^(stable|testing|unstable)$/;
if (exists $meta->{tags}) {
    problem('tags must be a list of strings of at most 255 characters')
        unless ref $meta->{tags} eq 'ARRAY'
            && !grep { !is_str($_) || length($_) > 255 } @{ $meta->{tags} };
}
if (exists $meta->{resources}) {
    my $r = $meta->{resources};
    for my $k (qw(homepage)) {
        problem("resources.$k must be a URL")
            if exists $r->{$k} && ($r->{$k} // '') !~ m{^https?://};
    }
}

# One version everywhere.
my ($control) = slurp('loyalty.control') =~ /^default_version\s*=\s*'([^']*)'/m;
my ($makefile) = slurp('Makefile') =~ /^EXTVERSION\s*=\s*(\S+)/m;
my ($debian) = slurp('debian/changelog') =~ /^loyalty \(([^)]*)\)/;
(my $upstream = $debian // '') =~ s/-[^-]*$//;
$control //= '(none)';
for ([ 'META.json version', $meta->{version} ],
     [ 'META.json provides.loyalty.version', $p->{loyalty}{version} ],
     [ 'the Makefile\'s EXTVERSION', $makefile ],
     [ 'debian/changelog (upstream part)', $upstream ]) {
    my ($what, $v) = @$_;
    problem("$what is \"", $v // '', "\", loyalty.control's default_version \"$control\"")
        unless defined $v && $v eq $control;
}

if (@problems) {
    print "META.json: $_\n" for @problems;
    exit 1;
}
print "META.json: valid (PGXN Meta Spec 1.0.0); version $control everywhere\n";
