/**
 * Sign-in through Keycloak (OpenID Connect) and the roles of the realm: the public needs none;
 * ANALYST and SUPERVISOR work in the regulator area; INSTITUTION sees only its own data.
 */
package cn.cpsx.portal.security;
