/**
 * Filings as their institution sees them: its own receipts, statuses and validation reports. Every
 * query takes the signed-in institution's USCC; there is no query without it.
 */
package cn.cpsx.portal.filing;
