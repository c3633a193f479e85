/**
 * The regulator's case index, shared by the app that writes it (batch-jobs) and the app that reads
 * it (the portal): the index template ({@code elasticsearch/_index_templates/cpsx-cases.json}), the
 * document indexed for each case ({@link cn.cpsx.search.document.CaseSearchDocument}), the Chinese
 * segmentation both sides apply ({@link cn.cpsx.search.segmentation.ChineseSegmenter}) and the
 * personal-data masking every indexed and shown value goes through ({@link
 * cn.cpsx.search.privacy.PersonalDataMasker}). Plain Java, no Spring and no Elasticsearch client:
 * the institutions' contract stays in schemas, which knows nothing of this module.
 */
package cn.cpsx.search;
