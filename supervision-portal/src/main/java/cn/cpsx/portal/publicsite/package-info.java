/**
 * The public pages (REPORTING-SPEC §12), no sign-in: the landing page, published ratings, each
 * institution's credit file (信用档案), the methodology with a worked example, and the open data
 * explained. They read what {@link cn.cpsx.portal.opendata} serves, so a page and the API can never
 * disagree about what is public.
 */
package cn.cpsx.portal.publicsite;
