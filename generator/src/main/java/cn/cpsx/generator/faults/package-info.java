/**
 * The fault suite and the soak ({@code scripts/faults suite|soak}): the generator's world filed
 * through its own channel clients while the suite's own apps and servers are killed, stopped and
 * restarted ({@link cn.cpsx.generator.faults.FaultSuite}) or kept under load for half an hour
 * ({@link cn.cpsx.generator.faults.Soak}); {@code Checker} states what must hold after each.
 */
package cn.cpsx.generator.faults;
