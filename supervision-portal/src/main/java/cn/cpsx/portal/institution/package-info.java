/**
 * The institution registry for the regulator's forms: names and USCCs to look up ({@link
 * cn.cpsx.portal.institution.InstitutionDirectory}).
 */
package cn.cpsx.portal.institution;
