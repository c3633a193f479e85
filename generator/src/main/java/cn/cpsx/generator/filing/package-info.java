/**
 * Filings in every format of the specification (§3, §9): JSON, XML (namespace-qualified, list items
 * {@code case}/{@code row}/{@code selfScore}) and CSV for case records, with their SFTP file names
 * (§4). One JSON tree per filing; XML and CSV are written from it.
 */
package cn.cpsx.generator.filing;
