/**
 * The world: what to generate ({@link cn.cpsx.generator.world.WorldSpec}), the generated whole
 * ({@link cn.cpsx.generator.world.World}) and the seeded random sources every part draws from.
 */
package cn.cpsx.generator.world;
