/**
 * Who is filing: institutions authenticate with an OAuth2 bearer token from Keycloak (client
 * credentials, one client per institution) whose {@code institution_id} claim is their USCC.
 */
package cn.cpsx.ingestion.security;
