/**
 * Filings: an institution's own receipts and validation reports (every such query takes the
 * signed-in institution's USCC; there is none without it), and the regulator's board of who filed
 * what across all institutions ({@link cn.cpsx.portal.filing.FilingsBoard}).
 */
package cn.cpsx.portal.filing;
