/**
 * A deterministic world generator for CPSX: institutions, a year or more of complaint cases,
 * quarterly statistics, self-assessments and enforcement actions, all from one seed; written as
 * filings in every format of the reporting specification, or filed through the real channels.
 * {@link cn.cpsx.generator.Generator} is the command line; {@link
 * cn.cpsx.generator.world.WorldGenerator} the entry point for tests and benchmarks.
 */
package cn.cpsx.generator;
