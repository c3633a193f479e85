/**
 * The portal's shell around every feature: the language a page is shown in (and the link that
 * switches it in place), the branded error pages, and the security headers every response carries.
 */
package cn.cpsx.portal.shell;
