/**
 * The demo: a generated world filed through the real channels, then enforcement actions and ratings
 * taken through the regulator's real workflow. Safe to run again.
 */
package cn.cpsx.generator.demo;
