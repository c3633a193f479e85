/**
 * Clients of the real system: Keycloak tokens (client credentials for institutions, the portal's
 * client for a supervisor), ingestion's REST and SOAP endpoints, the SFTP gateway (Apache MINA
 * SSHD's client) and the portal's regulator and institution endpoints with bearer tokens.
 */
package cn.cpsx.generator.channel;
