/**
 * Filing intake: the channel routes and the one {@link cn.cpsx.ingestion.filing.FilingInbox} that
 * writes every channel's filing to PostgreSQL before its receipt is sent.
 */
package cn.cpsx.ingestion.filing;
