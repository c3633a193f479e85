/** The search document of one case: what the index holds, built from a stored case record. */
package cn.cpsx.search.document;
