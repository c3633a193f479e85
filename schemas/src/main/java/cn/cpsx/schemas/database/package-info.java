/**
 * The PostgreSQL database as the contract between the apps: who applies its migrations ({@link
 * cn.cpsx.schemas.database.SchemaMigrations}), and the names and states the apps share.
 */
package cn.cpsx.schemas.database;
