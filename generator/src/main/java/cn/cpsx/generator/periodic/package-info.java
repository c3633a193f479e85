/**
 * Periodic filings: quarterly statistics computed from the cases (a set share deliberately off, so
 * S003 has something to find) and annual self-assessments; each with a submission intent (on time,
 * late, missing) so reporting discipline varies.
 */
package cn.cpsx.generator.periodic;
