package io.mlconnector.ingest.sync;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.UpdatedSince;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads one Procore document type of one project and converts it to cost documents. */
public interface CostDocumentReader {

    SourceType type();

    /** Records changed since the watermark (or all of them), as cost documents. */
    Flux<CostDocument> changed(ProjectRead read, UpdatedSince since);

    /** One record, e.g. the one a webhook named. */
    Mono<CostDocument> one(ProjectRead read, long id);

    /** The ids of every record of this type the project lists now, deleted ones excluded (the deletion check). */
    Flux<Long> listedIds(ProjectRead read);
}
