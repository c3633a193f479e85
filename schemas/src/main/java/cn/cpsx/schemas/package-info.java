/**
 * The reporting contract (REPORTING-SPEC v1) as plain Java: code lists, USCC checks, the filing
 * rules and their bilingual messages. No Spring here, so ingestion, batch-jobs and the portal all
 * judge a filing the same way.
 */
package cn.cpsx.schemas;
