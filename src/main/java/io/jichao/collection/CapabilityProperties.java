package io.jichao.collection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the engine remembers of each meter's refusals ({@code jichao.collection.capability.*}).
 *
 * @param reprobe how long an identifier a meter refused is not asked again (a refused block is
 *                read as its single items meanwhile); then it is asked once more
 */
@ConfigurationProperties("jichao.collection.capability")
public record CapabilityProperties(@DefaultValue("24h") Duration reprobe) {

    static final Duration DEFAULT_REPROBE = Duration.ofHours(24);
}
