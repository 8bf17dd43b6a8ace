// The `grounded` command line; filled in by the figure-checking work.
process.stderr.write('grounded: no commands yet\n');
process.exitCode = 2;
