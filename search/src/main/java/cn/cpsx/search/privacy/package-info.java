/**
 * Personal information (REPORTING-SPEC §6) masked the one way every module shows it: batch-jobs
 * before indexing, the portal in case history and exports. {@link
 * cn.cpsx.search.privacy.PersonalDataMasker} documents the mask format.
 */
package cn.cpsx.search.privacy;
