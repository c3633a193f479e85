/** Institutions: the demo registry as shipped, or any number generated with valid USCCs. */
package cn.cpsx.generator.institution;
