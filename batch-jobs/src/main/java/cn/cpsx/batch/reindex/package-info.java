/**
 * Rebuilds the case index from PostgreSQL into a new versioned index and swaps the alias to it
 * atomically, so search answers from the old index until the new one is complete.
 */
package cn.cpsx.batch.reindex;
