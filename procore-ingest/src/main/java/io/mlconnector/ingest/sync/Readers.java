package io.mlconnector.ingest.sync;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.ingest.convert.ChangeOrderConverter;
import io.mlconnector.ingest.convert.CommitmentConverter;
import io.mlconnector.ingest.convert.DirectCostConverter;
import io.mlconnector.ingest.convert.RequisitionConverter;
import io.mlconnector.procore.ProcoreApiException;
import io.mlconnector.procore.UpdatedSince;
import io.mlconnector.procore.model.ChangeOrder;
import io.mlconnector.procore.model.ChangeOrderKind;
import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.procore.model.Requisition;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The readers of every document type the connector moves, one small class each. */
public final class Readers {

    private Readers() {
    }

    /**
     * Commitments first: the schedule-of-values lines they bring are remembered for the pass, so requisitions
     * and change orders of the same commitments need no second fetch of the contract (a full sync of the demo
     * data saves one call per billed commitment this way).
     */
    public static List<CostDocumentReader> all() {
        return List.of(new CommitmentReader(CommitmentType.WORK_ORDER), new CommitmentReader(CommitmentType.PURCHASE_ORDER),
                new RequisitionReader(), new DirectCostReader(),
                new ChangeOrderReader(ChangeOrderKind.COMMITMENT), new ChangeOrderReader(ChangeOrderKind.PRIME));
    }

    static final class RequisitionReader implements CostDocumentReader {
        @Override
        public SourceType type() {
            return SourceType.REQUISITION;
        }

        @Override
        public Flux<CostDocument> changed(ProjectRead read, UpdatedSince since) {
            return read.client().requisitions(read.project().id(), since).concatMap(r -> convert(read, r));
        }

        @Override
        public Mono<CostDocument> one(ProjectRead read, long id) {
            return read.client().requisition(read.project().id(), id).flatMap(r -> convert(read, r));
        }

        @Override
        public Flux<Long> listedIds(ProjectRead read) {
            return read.client().requisitionIds(read.project().id());
        }

        private static Mono<CostDocument> convert(ProjectRead read, Requisition requisition) {
            // Procore names the commitment's type on the requisition ("WorkOrderContract"/"PurchaseOrderContract").
            CommitmentType type = "PurchaseOrderContract".equals(requisition.commitmentType())
                    ? CommitmentType.PURCHASE_ORDER : CommitmentType.WORK_ORDER;
            return read.contextWithCostCodes().zipWith(read.commitmentLines(type, requisition.commitmentId()))
                    .map(t -> RequisitionConverter.convert(t.getT1(), requisition, t.getT2()));
        }
    }

    static final class DirectCostReader implements CostDocumentReader {
        @Override
        public SourceType type() {
            return SourceType.DIRECT_COST;
        }

        @Override
        public Flux<CostDocument> changed(ProjectRead read, UpdatedSince since) {
            return read.client().directCosts(read.project().id(), since)
                    .map(cost -> DirectCostConverter.convert(read.context(), cost));
        }

        @Override
        public Mono<CostDocument> one(ProjectRead read, long id) {
            return read.client().directCost(read.project().id(), id)
                    .map(cost -> DirectCostConverter.convert(read.context(), cost));
        }

        @Override
        public Flux<Long> listedIds(ProjectRead read) {
            return read.client().directCostIds(read.project().id());
        }
    }

    static final class CommitmentReader implements CostDocumentReader {
        private final CommitmentType commitmentType;

        CommitmentReader(CommitmentType commitmentType) {
            this.commitmentType = commitmentType;
        }

        @Override
        public SourceType type() {
            return commitmentType == CommitmentType.WORK_ORDER
                    ? SourceType.WORK_ORDER_CONTRACT : SourceType.PURCHASE_ORDER_CONTRACT;
        }

        @Override
        public Flux<CostDocument> changed(ProjectRead read, UpdatedSince since) {
            return read.client().commitments(commitmentType, read.project().id(), since)
                    .doOnNext(read::remember)
                    .map(c -> CommitmentConverter.convert(read.context(), c));
        }

        @Override
        public Mono<CostDocument> one(ProjectRead read, long id) {
            return read.client().commitment(commitmentType, read.project().id(), id)
                    .map(c -> CommitmentConverter.convert(read.context(), c));
        }

        @Override
        public Flux<Long> listedIds(ProjectRead read) {
            return read.client().commitmentIds(commitmentType, read.project().id());
        }
    }

    static final class ChangeOrderReader implements CostDocumentReader {
        private final ChangeOrderKind kind;

        ChangeOrderReader(ChangeOrderKind kind) {
            this.kind = kind;
        }

        @Override
        public SourceType type() {
            return kind == ChangeOrderKind.COMMITMENT ? SourceType.COMMITMENT_CHANGE_ORDER : SourceType.PRIME_CHANGE_ORDER;
        }

        @Override
        public Flux<CostDocument> changed(ProjectRead read, UpdatedSince since) {
            return read.client().changeOrders(kind, read.project().id(), since).concatMap(co -> convert(read, co));
        }

        @Override
        public Mono<CostDocument> one(ProjectRead read, long id) {
            return read.client().changeOrder(kind, read.project().id(), id).flatMap(co -> convert(read, co));
        }

        @Override
        public Flux<Long> listedIds(ProjectRead read) {
            return read.client().changeOrderIds(kind, read.project().id());
        }

        /**
         * A line without its own cost code or cost type inherits them from the commitment line it changes; the
         * commitment is fetched only then. Which commitment type the contract is is not on the change order, so a
         * work order is tried first and a purchase order after it. A line that still has them only as codes (its
         * {@code wbs_code}: prime change order lines, commitment change order lines without a commitment line)
         * needs the project's cost codes and the company's cost types, fetched once per pass and only then.
         */
        private static Mono<CostDocument> convert(ProjectRead read, ChangeOrder order) {
            boolean needsCommitment = kindIsCommitment(order) && order.contractId() != null && order.lines().stream()
                    .anyMatch(l -> l.commitmentLineItemId() != null
                            && (l.costCode() == null || l.costCode().id() == null
                            || l.lineItemType() == null || l.lineItemType().id() == null));
            Mono<Map<Long, CommitmentLine>> changed = !needsCommitment ? Mono.just(Map.of())
                    : read.commitmentLines(CommitmentType.WORK_ORDER, order.contractId())
                            .onErrorResume(Readers::notFound,
                                    e -> read.commitmentLines(CommitmentType.PURCHASE_ORDER, order.contractId()))
                            // Only "no such commitment" means the lines have nothing to inherit; a 429, 5xx or
                            // timeout fails the read (retried by the next pass) instead of a version without codes.
                            .onErrorReturn(Readers::notFound, Map.of());
            return changed.flatMap(lines -> (ChangeOrderConverter.needsCodeLookups(order, lines)
                            ? read.contextWithCostCodesAndTypes() : Mono.just(read.context()))
                    .map(context -> ChangeOrderConverter.convert(context, order, lines)));
        }

        private static boolean kindIsCommitment(ChangeOrder order) {
            return order.kind() == ChangeOrderKind.COMMITMENT;
        }
    }

    private static boolean notFound(Throwable e) {
        return e instanceof ProcoreApiException p && p.notFound();
    }
}
