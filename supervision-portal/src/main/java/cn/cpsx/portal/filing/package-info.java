/**
 * Filings: an institution's own receipts and validation reports (every such query takes the
 * signed-in institution's USCC; there is none without it), and the regulator's board of who filed
 * what across all institutions ({@link cn.cpsx.portal.filing.FilingsBoard}); both read a filing and
 * its report through one read model, {@link cn.cpsx.portal.filing.FilingRecords}.
 */
package cn.cpsx.portal.filing;
