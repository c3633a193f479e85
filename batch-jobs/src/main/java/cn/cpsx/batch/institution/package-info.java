/** The institution registry: master data kept by the regulator (REPORTING-SPEC §1). */
package cn.cpsx.batch.institution;
