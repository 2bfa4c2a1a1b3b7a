"""Shared by the reference scripts in this folder: read the literals a pgTAP
test pins and check values recomputed in Python against them.

A reference script builds a Checker for its test file, then for each
assertion calls
    close(descr, value)   the pg_temp.is_close(..., literal, descr [, tol])
                          assertions with that description: value must lie
                          within the test's own relative tolerance (1e-12
                          when the call gives none) of the literal;
    close_array(descr, values)
                          the pg_temp.all_close(..., '{...}'::float8[], descr
                          [, tol]) assertions: element by element as close(),
                          None where the literal has NULL;
    exact(descr, value)   the is(..., literal, descr) assertions: equal;
    skip(descr, reason)   an is_close assertion not recomputed, and why;
    quoted(label, value, literal, tol), rounded(label, value, literal, decimals)
                          a figure the test quotes in a comment;
    claim(label, ok, detail)
                          a property an ok() assertion states;
    agree(label, a, b, tol)
                          two routes of this script to one figure;
and finally finish(), which fails (exit status 1) when any comparison
failed or when an is_close assertion of the test is neither recomputed nor
skipped.  The literals are read from the .sql file itself, so a literal
edited in the test without its script is caught.  An assertion may also be
table-driven: one call whose arguments name the columns of the VALUES list
after it stands for one assertion a row of that list (see _cases).
"""
import ast
import os
import re
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_DIR = os.path.dirname(HERE)


def _without_comments(sql):
    """The SQL text with -- comments blanked out (quotes respected)."""
    out = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c == "'":
            j = i + 1
            while j < n:
                if sql[j] == "'" and j + 1 < n and sql[j + 1] == "'":
                    j += 2
                elif sql[j] == "'":
                    break
                else:
                    j += 1
            out.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith('$$', i):
            j = sql.index('$$', i + 2)
            out.append(sql[i:j + 2])
            i = j + 2
        elif sql.startswith('--', i):
            j = sql.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def _arguments(sql, start):
    """Top-level arguments of the call whose '(' is at sql[start]."""
    return _call(sql, start)[0]


def _call(sql, start):
    """_arguments, and the position just after the closing ')'."""
    args, depth, i, begin = [], 0, start, start + 1
    while True:
        c = sql[i]
        if c == "'":
            i += 1
            while not (sql[i] == "'" and sql[i + 1:i + 2] != "'"):
                i += 2 if sql[i] == "'" else 1
        elif sql.startswith('$$', i):
            i = sql.index('$$', i + 2) + 1
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                args.append(sql[begin:i].strip())
                return args, i + 1
        elif c == ',' and depth == 1:
            args.append(sql[begin:i].strip())
            begin = i + 1
        i += 1


def _cases(sql, start):
    """The argument lists of the assertion call whose '(' is at sql[start]:
    the call's own, or, in the table-driven form, one a row of the VALUES
    list that follows it, with each argument that names a column of that
    list (as its alias v(col, ...) lists them) replaced by the row's value.
    The table-driven form is the one whose expected value names a column:

        SELECT pg_temp.is_close(got, want, descr) FROM s, LATERAL (VALUES
            (nps(r), -27.3, 'nps'),
            (mean(r), 5.885, 'mean')) v(got, want, descr);
    """
    args, end = _call(sql, start)
    m = re.compile(r'\bVALUES\s*', re.I).search(sql, end, max(sql.find(';', end), end))
    if not m or not re.fullmatch(r'[A-Za-z_]\w*', args[1]):
        return [args]
    rows, i = [], m.end()
    while True:
        row, i = _call(sql, i)
        rows.append(row)
        i = re.compile(r'\s*').match(sql, i).end()
        if sql[i] != ',':
            break
        i = re.compile(r',\s*').match(sql, i).end()
    cols = [c.strip() for c in
            re.compile(r'\)\s*(?:AS\s+)?\w+\s*\(([^)]*)\)', re.I).match(sql, i).group(1).split(',')]
    return [[row[cols.index(a)] if a in cols else a for a in args] for row in rows]


def _string(arg):
    """The value of a quoted SQL string literal (a cast after it ignored)."""
    m = re.fullmatch(r"'((?:[^']|'')*)'(?:::[\w ]+(?:\[\])?)?", arg, re.S)
    return m.group(1).replace("''", "'") if m else None


_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
        ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}


def _arith(node, numbers):
    """Exact value of an arithmetic expression over numeric literals."""
    if isinstance(node, ast.Name) and node.id in numbers:
        return numbers[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _arith(node.operand, numbers)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_arith(node.left, numbers), _arith(node.right, numbers))
    raise ValueError('not a constant expression')


def literal(arg):
    """A test literal as Python: a number (a Fraction, exact as SQL's numeric
    reads a literal), a string, or a list of integers for an array; None when
    it is not a constant (it reads the data)."""
    s = _string(arg)
    if s is not None:
        if re.fullmatch(r'\{[-\d, ]*\}', s):
            return [int(v) for v in s[1:-1].split(',')]
        return s
    bare = re.sub(r'::[\w ]+(\[\])?$', '', arg.strip())
    numbers = {}

    def name(m):
        numbers[f'_n{len(numbers)}'] = Fraction(m.group(0))
        return f'_n{len(numbers) - 1}'
    expr = re.sub(r'(?<![\w.])\d+(?:\.\d*)?(?:e[-+]?\d+)?', name, bare)
    try:
        return _arith(ast.parse(expr, mode='eval').body, numbers)
    except (SyntaxError, ValueError):
        return None


def float_array(arg):
    """A '{1.5,NULL,...}'::float8[] literal as a list of Fractions and None."""
    s = _string(arg)
    if s is None or not (s.startswith('{') and s.endswith('}')):
        return None
    body = s[1:-1].strip()
    if not body:
        return []
    return [None if v.strip().upper() == 'NULL' else Fraction(v.strip()) for v in body.split(',')]


def _show(value):
    """repr of the value as a double, and exactly when it is a fraction."""
    if isinstance(value, Fraction):
        exact = str(value) if value.denominator != 1 else None
        return repr(float(value)) + (f' (= {exact} exactly)' if exact else '')
    if isinstance(value, (int, str, list)):
        return repr(value)
    return repr(float(value))


def rel_diff(got, want):
    """|got - want| relative to |want|, as pg_temp.is_close measures it."""
    got, want = float(got), float(want)
    return abs(got - want) / max(abs(want), 1e-300)


class Checker:
    def __init__(self, test_file):
        self.name = test_file
        with open(os.path.join(TEST_DIR, test_file), encoding='utf-8') as f:
            sql = _without_comments(f.read())
        self.is_close = {}      # descr -> [(literal text, value, tolerance)]
        self.is_ = {}           # descr -> [(literal text, value)]
        for m in re.finditer(r'pg_temp\.is_close\(', sql):
            for args in _cases(sql, m.end() - 1):
                tol = float(literal(args[3])) if len(args) > 3 else 1e-12
                self.is_close.setdefault(_string(args[2]), []).append((args[1], literal(args[1]), tol))
        for m in re.finditer(r'(?<![\w.])is\(', sql):
            for args in _cases(sql, m.end() - 1):
                if len(args) == 3:
                    self.is_.setdefault(_string(args[2]), []).append((args[1], literal(args[1])))
        self.all_close = {}     # descr -> [(literal text, values, tolerance)]
        for m in re.finditer(r'pg_temp\.all_close\(', sql):
            for args in _cases(sql, m.end() - 1):
                tol = float(literal(args[3])) if len(args) > 3 else 1e-12
                self.all_close.setdefault(_string(args[2]), []).append(
                    (args[1][:30] + '...', float_array(args[1]), tol))
        self.done = set()
        self.counts = {'is_close': 0, 'is': 0, 'quoted': 0, 'ok': 0, 'cross': 0}
        self.failed = 0
        self.max_rel = 0.0          # over the test's literals
        self.max_quoted = 0.0       # over figures quoted in comments
        print(f'== {test_file}')

    def _report(self, ok, line):
        if not ok:
            self.failed += 1
        print(('   ' if ok else 'FAIL ') + line)

    def _entries(self, table, helper, descr):
        """The literals of the pg_temp.<helper> assertions named descr, marked
        as checked; none (and a failure reported) when the test has none."""
        if descr not in table:
            self._report(False, f'no pg_temp.{helper} assertion named {descr!r} in {self.name}')
            return []
        self.done.add(descr)
        return table[descr]

    def close(self, descr, value):
        """An is_close assertion: value within the test's tolerance of its literal."""
        print(f'{descr}: {_show(value)}')
        for text, want, tol in self._entries(self.is_close, 'is_close', descr):
            if want is None:
                self._report(False, f'literal {text!r} is not a constant')
                continue
            d = rel_diff(value, want)
            self.counts['is_close'] += 1
            self.max_rel = max(self.max_rel, d)
            self._report(d <= tol, f'test literal {text}, relative difference {d:.3g} (tolerance {tol:g})')

    def close_array(self, descr, values):
        """An all_close assertion: each value within the tolerance of its literal."""
        print(f'{descr}: [{", ".join("NULL" if v is None else _show(v) for v in values)}]')
        for text, want, tol in self._entries(self.all_close, 'all_close', descr):
            if want is None or len(want) != len(values):
                self._report(False, f'literal {text!r} is not an array of {len(values)} numbers')
                continue
            worst, ok = 0.0, True
            for v, w in zip(values, want):
                if v is None or w is None:
                    ok = ok and v is None and w is None
                    continue
                d = rel_diff(v, w)
                worst = max(worst, d)
                ok = ok and d <= tol
            self.counts['is_close'] += len(values)
            self.max_rel = max(self.max_rel, worst)
            self._report(ok, f'test literal {text} ({len(values)} values), largest relative '
                             f'difference {worst:.3g} (tolerance {tol:g}), NULLs {"where" if ok else "or values NOT where"} expected')

    def exact(self, descr, value):
        """An is() assertion with a constant literal: equal."""
        print(f'{descr}: {_show(value)}')
        if descr not in self.is_:
            self._report(False, f'no is() assertion named {descr!r} in {self.name}')
            return
        for text, want in self.is_[descr]:
            self.counts['is'] += 1
            if not isinstance(value, (int, Fraction, str, list)):
                value = Fraction(float(value))
            ok = want == value
            self._report(ok, f'test literal {text}, {"equal" if ok else "DIFFERENT"}')

    def quoted(self, label, value, want, tol):
        """A figure quoted in a comment of the test (the literal copied here)."""
        print(f'{label} (quoted in the test): {_show(value)}')
        d = rel_diff(value, want)
        self.counts['quoted'] += 1
        self.max_quoted = max(self.max_quoted, d)
        self._report(d <= tol, f'quoted {want!r}, relative difference {d:.3g} (tolerance {tol:g})')

    def rounded(self, label, value, want, decimals):
        """A figure quoted in a comment to a few decimals."""
        print(f'{label} (quoted in the test): {_show(value)}')
        self.counts['quoted'] += 1
        got = round(float(value), decimals)
        self._report(got == want, f'quoted {want!r}, rounded to {decimals} decimals {got!r}')

    def agree(self, label, a, b, tol):
        """Two routes of this script to one figure must agree."""
        d = rel_diff(a, b)
        self.counts['cross'] += 1
        self._report(d <= tol, f'cross-check, {label}: {_show(a)} vs {_show(b)}, '
                               f'relative difference {d:.3g} (tolerance {tol:g})')

    def claim(self, label, ok, detail):
        """A property an ok() assertion states, checked here."""
        print(f'{label}: {detail}')
        self.counts['ok'] += 1
        self._report(ok, 'holds' if ok else 'DOES NOT HOLD')

    def skip(self, descr, reason):
        if descr not in self.is_close:
            self._report(False, f'skipped {descr!r} is not an is_close assertion of {self.name}')
            return
        self.done.add(descr)
        print(f'{descr}: not recomputed ({reason})')

    def finish(self):
        for descr in list(self.is_close) + list(self.all_close):
            if descr not in self.done:
                self._report(False, f'is_close assertion {descr!r} is neither recomputed nor skipped')
        verdict = 'FAILED' if self.failed else 'ok'
        k = self.counts
        print(f'-- {self.name}: {k["is_close"]} is_close literals (max relative difference '
              f'{self.max_rel:.3g}), {k["is"]} is() literals, {k["ok"]} ok() claims, '
              f'{k["quoted"]} figures quoted in comments (max relative difference '
              f'{self.max_quoted:.3g}), {k["cross"]} cross-checks; {self.failed} failures: {verdict}')
        sys.exit(1 if self.failed else 0)
