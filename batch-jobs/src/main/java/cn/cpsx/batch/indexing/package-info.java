/**
 * The search projection: accepted live cases, personal data masked and narratives segmented, in the
 * Elasticsearch index behind the case alias. Rebuildable from PostgreSQL at any time.
 */
package cn.cpsx.batch.indexing;
