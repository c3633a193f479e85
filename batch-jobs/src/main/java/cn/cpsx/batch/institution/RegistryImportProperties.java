package cn.cpsx.batch.institution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param importLocation a registry CSV to load at start-up (demo and tests); none in production,
 *     where the regulator maintains the registry
 */
@ConfigurationProperties("cpsx.registry")
public record RegistryImportProperties(Resource importLocation) {}
