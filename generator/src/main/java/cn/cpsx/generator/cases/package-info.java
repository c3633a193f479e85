/**
 * Complaint cases: each case's whole life (received, escalated, closed) drawn once, so the case as
 * filed on any day and the quarterly statistics as of a quarter's end agree.
 */
package cn.cpsx.generator.cases;
