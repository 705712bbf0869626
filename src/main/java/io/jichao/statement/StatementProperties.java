package io.jichao.statement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keep          how long a finished district ZIP stays downloadable before its file is deleted
 * @param chunkSize     households loaded per batch of queries
 * @param renderThreads threads filling and exporting PDFs in parallel; 0 = one per processor
 */
@ConfigurationProperties("jichao.statements")
public record StatementProperties(
        @DefaultValue("1h") Duration keep,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("0") int renderThreads) {

    int threads() {
        return renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
    }
}
