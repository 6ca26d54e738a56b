// @ts-check
/**
 * TypeORM's `manager.query()` and `dataSource.query()` answer `any`, and nothing downstream would
 * notice a misspelt column: a result that is read must name its rows (`query<Row[]>(…)`, see
 * libs/database/src/sql/raw-rows.ts). Syntactic, so it needs no type information and stays cheap.
 */
const typedResult = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { untyped: 'Name the rows this query answers: .query<Row[]>(…), snake_case as PostgreSQL returns them (libs/database/src/sql/raw-rows.ts).' },
  },
  create(/** @type {any} */ context) {
    return {
      "CallExpression[callee.type='MemberExpression'][callee.property.name='query']"(/** @type {any} */ node) {
        if (node.typeArguments) return;
        const parent = node.parent;
        const discarded = parent.type === 'ExpressionStatement' || (parent.type === 'AwaitExpression' && parent.parent.type === 'ExpressionStatement');
        if (discarded) return;
        // QueryRunner.query(…, true) answers TypeORM's QueryResult, which is typed.
        const structured = node.arguments[2];
        if (structured?.type === 'Literal' && structured.value === true) return;
        context.report({ node, messageId: 'untyped' });
      },
    };
  },
};

export const rawQueryPlugin = { rules: { 'typed-result': typedResult } };
