/** Chinese word segmentation, the same at index time (batch-jobs) and at query time (portal). */
package cn.cpsx.search.segmentation;
