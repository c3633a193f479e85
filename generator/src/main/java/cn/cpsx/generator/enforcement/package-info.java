/** Enforcement actions (§11): a handful of each severity, the worse institutions first. */
package cn.cpsx.generator.enforcement;
