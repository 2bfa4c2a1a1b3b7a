#!/usr/bin/perl
# Expand the install-script sources (sql/install/*.sql) into the plain SQL
# script that CREATE EXTENSION runs.  A source repeats a block of SQL once per
# row of a table written in comments above it:
#
#   -- @foreach score | suffix
#   --   smallint | int2
#   --   integer  | int4
#   -- @do
#   CREATE FUNCTION @extschema@.f(@extschema@.ratings, {{score}}) ...
#       AS 'MODULE_PATHNAME', 'f_{{suffix}}' ...;
#   -- @end
#
# Blocks nest; an inner block sees the outer block's names too.  Fields are
# separated by " | " and inserted as written (quote them in the SQL).  Every
# other line is copied as it is, so the built script is ordinary SQL that
# `grep` finds, with no DO loops or format() templates to read through.
#
# An upgrade script takes the text of a new object from the install sources
# rather than repeating it:
#
#   -- @section plus                     (in sql/install/10-ratings.sql)
#   CREATE FUNCTION ...;
#   -- @endsection
#
#   -- @include sql/install/10-ratings.sql plus      (in the upgrade source)
#
# A section's lines stand in its own file as they are; @include puts them in
# place (paths from the folder make runs in).
use strict;
use warnings;

# The lines of a file as [file, line number, text], with @include done and
# the @section markers left out.
sub read_lines {
    my ($file) = @_;
    my @out;
    open(my $fh, '<', $file) or die "expand-sql: $file: $!\n";
    my $n = 0;
    while (my $text = <$fh>) {
        $n++;
        if ($text =~ /^--\s*\@include\s+(\S+)\s+(\S+)\s*$/) {
            push @out, section_lines($1, $2, "$file:$n");
        } elsif ($text !~ /^--\s*\@(section\s+\S+|endsection)\s*$/) {
            push @out, [$file, $n, $text];
        }
    }
    close $fh;
    return @out;
}

# The lines of section $name of $file.
sub section_lines {
    my ($file, $name, $where) = @_;
    my (@out, $in, $found);
    open(my $fh, '<', $file) or die "expand-sql: $where: $file: $!\n";
    my $n = 0;
    while (my $text = <$fh>) {
        $n++;
        if ($text =~ /^--\s*\@section\s+(\S+)\s*$/) {
            $in = $1 eq $name;
            $found ||= $in;
        } elsif ($text =~ /^--\s*\@endsection\s*$/) {
            $in = 0;
        } elsif ($in) {
            push @out, [$file, $n, $text];
        }
    }
    close $fh;
    die "expand-sql: $where: no section $name in $file\n" unless $found;
    return @out;
}

my @lines = map { read_lines($_) } @ARGV;

# Parse into a tree: a node is either a line or a loop {names, rows, body}.
my $pos = 0;
sub parse_block {
    my ($until_end) = @_;
    my @body;
    while ($pos < @lines) {
        my ($file, $lineno, $text) = @{ $lines[$pos++] };
        if ($text =~ /^--\s*\@foreach\s+(.*?)\s*$/) {
            my @names = split /\s*\|\s*/, $1;
            my @rows;
            while ($pos < @lines && $lines[$pos][2] !~ /^--\s*\@do\s*$/) {
                my $row = $lines[$pos++][2];
                $row =~ s/^--\s*// or die "expand-sql: $file:$lineno: a row must be a comment\n";
                $row =~ s/\s+$//;
                next if $row eq '';
                my @fields = split /\s+\|\s+/, $row, -1;
                @fields == @names
                    or die "expand-sql: $file:$lineno: row '$row' has " . scalar(@fields) .
                           " fields, the header names " . scalar(@names) . "\n";
                push @rows, \@fields;
            }
            die "expand-sql: $file:$lineno: \@foreach without \@do\n" if $pos++ >= @lines;
            push @body, { names => \@names, rows => \@rows, body => parse_block(1),
                          where => "$file:$lineno" };
        } elsif ($text =~ /^--\s*\@end\s*$/) {
            die "expand-sql: $file:$lineno: \@end without \@foreach\n" unless $until_end;
            return \@body;
        } else {
            push @body, $text;
        }
    }
    die "expand-sql: a \@foreach block is not closed by \@end\n" if $until_end;
    return \@body;
}

sub emit {
    my ($body, $vars) = @_;
    for my $node (@$body) {
        if (ref $node) {
            for my $row (@{ $node->{rows} }) {
                my %inner = %$vars;
                @inner{ @{ $node->{names} } } = @$row;
                emit($node->{body}, \%inner);
            }
        } else {
            (my $text = $node) =~ s/\{\{(\w+)\}\}/
                exists $vars->{$1} ? $vars->{$1} : die "expand-sql: unknown name {{$1}}\n"/ge;
            print $text;
        }
    }
}

emit(parse_block(0), {});
