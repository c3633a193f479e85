/**
 * Who may call batch-jobs over HTTP: Keycloak bearer tokens, like every other CPSX endpoint; job
 * control takes the realm roles OPERATOR and ADMIN, health stays open for process supervisors.
 */
package cn.cpsx.batch.security;
