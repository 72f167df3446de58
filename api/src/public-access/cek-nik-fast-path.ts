import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

import { DomainError } from '../errors/domain-error.js';
import { formatError } from '../errors/format-error.js';
import type { CekNikResult, CekNikService } from './cek-nik-service.js';
import type { PublicRequest } from './public-gate.js';

/**
 * A dedicated path for the one operation that carries election-week traffic (DESIGN §7).
 *
 * A request whose document is a plain Cek NIK query — one operation, one `cekNik` field, the
 * result's scalar fields, no fragments or directives — is answered here: the document is
 * parsed and validated against the real schema once, its plan cached by the exact text, and
 * each request then only reads its variables, calls CekNikService.check (the resolver's own
 * code) and writes the JSON graphql-js would have written. Anything else, including every
 * malformed or unusual Cek NIK document, goes on to Apollo unchanged, so the dedicated path
 * never has to reproduce an error of the general executor. The HTTP side is
 * http/cek-nik-lane.ts.
 */
export class CekNikFastPath {
  private readonly plans: PlanCache;

  constructor(
    schema: GraphQLSchema,
    private readonly service: CekNikService,
  ) {
    this.plans = new PlanCache(schema);
  }

  /**
   * The answer to a parsed GraphQL POST body, as the JSON text to send with status 200, or
   * null when the body is not a plain Cek NIK request and belongs to the general executor.
   */
  answer(body: unknown, request: () => PublicRequest): Promise<string> | null {
    if (!isPlainObject(body) || 'extensions' in body) return null;
    const plan = typeof body['query'] === 'string' ? this.plans.planFor(body['query']) : null;
    const inputs = plan ? plan.inputsOf(body['operationName'], body['variables']) : null;
    if (!plan || !inputs) return null;

    const publicRequest = request();
    return this.service.check(inputs.nik, inputs.proofOfWork, publicRequest).then(
      (result) => plan.render(result),
      (error: unknown) => plan.renderError(error, publicRequest),
    );
  }
}

/** Longest document considered; the console's Cek NIK query is about 100 characters. */
const MAX_DOCUMENT_LENGTH = 2_000;
/** Distinct documents remembered; real clients send one or two. */
const MAX_PLANS = 32;

const RESULT_FIELDS = new Set(['terdaftar', 'nikMasked', 'kelurahan', '__typename']);

class PlanCache {
  private readonly plans = new Map<string, CekNikPlan | null>();

  constructor(private readonly schema: GraphQLSchema) {}

  planFor(document: string): CekNikPlan | null {
    const known = this.plans.get(document);
    if (known !== undefined) {
      // Least recently used last out: a flood of distinct documents evicts itself, while the
      // console's one document, asked for all the time, stays.
      this.plans.delete(document);
      this.plans.set(document, known);
      return known;
    }
    if (document.length > MAX_DOCUMENT_LENGTH) return null;

    const plan = compilePlan(this.schema, document);
    if (this.plans.size >= MAX_PLANS) {
      const oldest = this.plans.keys().next();
      if (!oldest.done) this.plans.delete(oldest.value);
    }
    this.plans.set(document, plan);
    return plan;
  }
}

interface ArgumentSource {
  readonly variable?: string;
  readonly literal?: string | null;
}

interface CekNikInputs {
  readonly nik: string;
  readonly proofOfWork: string | null;
}

class CekNikPlan {
  constructor(
    private readonly operationName: string | null,
    private readonly variableNames: ReadonlySet<string>,
    private readonly nik: ArgumentSource,
    private readonly proofOfWork: ArgumentSource | null,
    private readonly responseKey: string,
    private readonly fields: readonly { key: string; field: string }[],
    private readonly location: { line: number; column: number },
  ) {}

  /** The arguments of this request, or null when Apollo should handle it (and its errors). */
  inputsOf(operationName: unknown, variables: unknown): CekNikInputs | null {
    if (operationName !== undefined && operationName !== null) {
      if (operationName !== this.operationName) return null;
    }
    const values = variables === undefined || variables === null ? {} : variables;
    if (!isPlainObject(values)) return null;
    if (Object.keys(values).some((name) => !this.variableNames.has(name))) return null;

    const nik = valueOf(this.nik, values);
    const proofOfWork = this.proofOfWork ? valueOf(this.proofOfWork, values) : null;
    if (typeof nik !== 'string') return null;
    if (proofOfWork !== null && proofOfWork !== undefined && typeof proofOfWork !== 'string') {
      return null;
    }

    return { nik, proofOfWork: proofOfWork ?? null };
  }

  render(result: CekNikResult): string {
    const object: Record<string, unknown> = {};
    for (const { key, field } of this.fields) {
      object[key] = field === '__typename' ? 'CekNikResult' : result[field as keyof CekNikResult];
    }

    // Apollo ends every JSON body with a newline; so does this path, byte for byte.
    return `${JSON.stringify({ data: { [this.responseKey]: object } })}\n`;
  }

  renderError(error: unknown, request: PublicRequest): string {
    const located = new GraphQLError(error instanceof Error ? error.message : String(error), {
      path: [this.responseKey],
      originalError: error instanceof Error ? error : undefined,
    });
    if (!(error instanceof DomainError)) {
      const failure = error instanceof Error ? error : new Error(String(error));
      request.log.error(
        {
          requestId: request.requestId,
          errorClass: failure.name,
          errorCode: (failure as { code?: unknown }).code,
          path: this.responseKey,
          stack: failure.stack?.split('\n').slice(1).join('\n'),
        },
        'resolver failed',
      );
    }
    const formatted = formatError(
      { message: located.message, locations: [this.location], path: [this.responseKey] },
      located,
    );

    const body = JSON.stringify({
      errors: [
        {
          ...formatted,
          extensions: { ...formatted.extensions, requestId: request.requestId },
        },
      ],
      data: null,
    });
    return `${body}\n`;
  }
}

function valueOf(source: ArgumentSource, variables: Record<string, unknown>): unknown {
  return source.variable === undefined ? source.literal : variables[source.variable];
}

/** A plan when the document is a plain Cek NIK query valid against the schema, else null. */
function compilePlan(schema: GraphQLSchema, text: string): CekNikPlan | null {
  let document;
  try {
    document = parse(text, { noLocation: false, maxTokens: 200 });
  } catch {
    return null;
  }
  if (validate(schema, document).length > 0 || document.definitions.length !== 1) return null;

  const operation = document.definitions[0];
  if (
    operation?.kind !== Kind.OPERATION_DEFINITION ||
    operation.operation !== OperationTypeNode.QUERY
  ) {
    return null;
  }
  const root = onlyField(operation.selectionSet);
  if (!root || root.name.value !== 'cekNik' || !root.selectionSet || !root.loc) return null;
  if (needsExecutor(operation)) return null;

  const fields = root.selectionSet.selections.map((selection) =>
    selection.kind === Kind.FIELD &&
    !selection.selectionSet &&
    RESULT_FIELDS.has(selection.name.value)
      ? { key: selection.alias?.value ?? selection.name.value, field: selection.name.value }
      : null,
  );
  if (fields.some((field) => field === null)) return null;
  const keys = fields.map((field) => field?.key);
  if (new Set(keys).size !== keys.length) return null;

  const nik = argumentSource(root, 'nik');
  const proofOfWork = argumentSource(root, 'proofOfWork');
  if (!nik) return null;

  return new CekNikPlan(
    operation.name?.value ?? null,
    new Set(operation.variableDefinitions?.map((definition) => definition.variable.name.value)),
    nik,
    proofOfWork,
    root.alias?.value ?? root.name.value,
    fields.filter((field) => field !== null),
    { line: root.loc.startToken.line, column: root.loc.startToken.column },
  );
}

function onlyField(selectionSet: SelectionSetNode): FieldNode | null {
  const [first, ...rest] = selectionSet.selections;
  return first?.kind === Kind.FIELD && rest.length === 0 ? first : null;
}

// Directives (@skip, @include, custom ones) and variable defaults change execution in ways the
// plan does not model; such documents are left to the executor.
function needsExecutor(operation: OperationDefinitionNode): boolean {
  const fieldNodes = (set: SelectionSetNode | undefined): FieldNode[] =>
    (set?.selections ?? []).flatMap((selection) =>
      selection.kind === Kind.FIELD ? [selection, ...fieldNodes(selection.selectionSet)] : [],
    );

  return (
    (operation.directives?.length ?? 0) > 0 ||
    (operation.variableDefinitions ?? []).some((definition) => definition.defaultValue) ||
    fieldNodes(operation.selectionSet).some((field) => (field.directives?.length ?? 0) > 0)
  );
}

/** Where an argument's value comes from; null when absent, undefined-free for the plan. */
function argumentSource(field: FieldNode, name: string): ArgumentSource | null {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return null;

  return sourceOfValue(argument.value);
}

function sourceOfValue(value: ValueNode): ArgumentSource | null {
  switch (value.kind) {
    case Kind.VARIABLE:
      return { variable: value.name.value };
    case Kind.STRING:
      return { literal: value.value };
    case Kind.NULL:
      return { literal: null };
    default:
      return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
