/**
 * The {@code citykpi} command: one picocli subcommand per job, exit codes and messages as in
 * docs/cli.md (a contract that scripts depend on).
 */
package org.citykpi.cli;
