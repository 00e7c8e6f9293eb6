/**
 * The lns configuration: one YAML file bound to immutable records.
 *
 * <p>{@link io.lns.config.ConfigLoader} reads a file (or the embedded default) and returns a
 * {@link io.lns.config.Config}, or throws a {@link io.lns.config.ConfigException} listing every
 * problem with its {@code file:line:column}. Profiles are resolved against their kind's {@code
 * default} profile when the file is loaded, so every profile in a {@code Config} is complete.
 * {@link io.lns.config.ConfigDiff} lists what changed between two configs. The reference is
 * {@code docs/config.md}.
 */
package io.lns.config;
