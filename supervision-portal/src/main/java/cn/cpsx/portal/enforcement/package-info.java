/**
 * Enforcement actions (信用档案, REPORTING-SPEC §11): supervisors enter, correct and publish them in
 * the regulator area. A published action is immutable and public; a correction is a new action that
 * names the one it corrects. {@link cn.cpsx.portal.enforcement.EnforcementActions} is the entry
 * point.
 */
package cn.cpsx.portal.enforcement;
