/**
 * The SFTP channel: an embedded Apache MINA SSHD server (one confined folder per institution, with
 * {@code inbox/} and {@code outbox/}) and the Camel route that takes completed uploads from the
 * inboxes, files them, and writes receipts and validation results to the outboxes.
 */
package cn.cpsx.ingestion.sftp;
