/* crepitus-locale-plural.c — the Plural-Forms expression of a compiled catalog
 *
 * A report's language is not the UI's, so its catalog is read by Crepitus itself
 * (crepitus-locale.c), and so is the "plural=" expression of its header: glibc evaluates it
 * inside dcgettext() only, with no public function for it. This is the grammar of GNU
 * gettext's plural.y — C's ?: || && == != < > <= >= + - * / % ! and parentheses over n and
 * decimal numbers, in unsigned long arithmetic — parsed once into a small tree. A catalog is
 * a file on disk: the parser bounds its depth and size, and division by zero gives 0.
 */
#define G_LOG_DOMAIN "crepitus-locale"

#include "config.h"

#include "crepitus-locale.h"

#define MAX_DEPTH 64
#define MAX_NODES 256

typedef enum
{
  OP_N, OP_NUMBER, OP_NOT, OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB, OP_LT, OP_GT, OP_LE,
  OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR, OP_COND,
} Op;

typedef struct
{
  Op     op;
  gulong value;        /* OP_NUMBER */
  int    args[3];      /* indices of the operands in the tree */
} Node;

struct _CrepitusPluralExpression
{
  Node  nodes[MAX_NODES];
  guint n_nodes;
  int   root;
};

typedef struct
{
  const char               *p;
  guint                     depth;
  gboolean                  failed;
  CrepitusPluralExpression *expression;
} Parser;

static int parse_conditional (Parser *parser);

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r')
    parser->p++;
}

static gboolean
accept (Parser     *parser,
        const char *token)
{
  gsize length = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", "!" not of "!=", "=" alone is not an operator. */
  if (length == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!') &&
      parser->p[1] == '=')
    return FALSE;
  parser->p += length;
  return TRUE;
}

static int
add_node (Parser *parser,
          Op      op,
          int     a,
          int     b,
          int     c)
{
  CrepitusPluralExpression *expression = parser->expression;
  Node *node;

  if (parser->failed || a < -1 || b < -1 || c < -1 || expression->n_nodes >= MAX_NODES)
    {
      parser->failed = TRUE;
      return -1;
    }
  node = &expression->nodes[expression->n_nodes];
  node->op = op;
  node->value = 0;
  node->args[0] = a;
  node->args[1] = b;
  node->args[2] = c;
  return (int) expression->n_nodes++;
}

static int
parse_primary (Parser *parser)
{
  skip_space (parser);
  if (*parser->p == 'n')
    {
      parser->p++;
      return add_node (parser, OP_N, -1, -1, -1);
    }
  if (g_ascii_isdigit (*parser->p))
    {
      gulong value = 0;
      int index;

      while (g_ascii_isdigit (*parser->p))
        {
          if (value > (G_MAXULONG - 9) / 10)
            {
              parser->failed = TRUE;
              return -1;
            }
          value = value * 10 + (gulong) (*parser->p++ - '0');
        }
      index = add_node (parser, OP_NUMBER, -1, -1, -1);
      if (index >= 0)
        parser->expression->nodes[index].value = value;
      return index;
    }
  if (accept (parser, "("))
    {
      int inner = parse_conditional (parser);

      if (!accept (parser, ")"))
        parser->failed = TRUE;
      return parser->failed ? -1 : inner;
    }
  parser->failed = TRUE;
  return -1;
}

static int
parse_unary (Parser *parser)
{
  int operand;

  if (!accept (parser, "!"))
    return parse_primary (parser);
  if (++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return -1;
    }
  operand = parse_unary (parser);
  parser->depth--;
  return add_node (parser, OP_NOT, operand, -1, -1);
}

/* One level of left-associative binary operators: @tokens and their @ops, over @next. */
static int
parse_binary (Parser             *parser,
              int               (*next) (Parser *),
              const char * const *tokens,
              const Op           *ops)
{
  int left = next (parser);

  while (!parser->failed)
    {
      guint i;

      for (i = 0; tokens[i] != NULL; i++)
        if (accept (parser, tokens[i]))
          break;
      if (tokens[i] == NULL)
        break;
      left = add_node (parser, ops[i], left, next (parser), -1);
    }
  return parser->failed ? -1 : left;
}

static int
parse_multiplicative (Parser *parser)
{
  static const char * const tokens[] = { "*", "/", "%", NULL };
  static const Op ops[] = { OP_MUL, OP_DIV, OP_MOD };

  return parse_binary (parser, parse_unary, tokens, ops);
}

static int
parse_additive (Parser *parser)
{
  static const char * const tokens[] = { "+", "-", NULL };
  static const Op ops[] = { OP_ADD, OP_SUB };

  return parse_binary (parser, parse_multiplicative, tokens, ops);
}

static int
parse_relational (Parser *parser)
{
  static const char * const tokens[] = { "<=", ">=", "<", ">", NULL };
  static const Op ops[] = { OP_LE, OP_GE, OP_LT, OP_GT };

  return parse_binary (parser, parse_additive, tokens, ops);
}

static int
parse_equality (Parser *parser)
{
  static const char * const tokens[] = { "==", "!=", NULL };
  static const Op ops[] = { OP_EQ, OP_NE };

  return parse_binary (parser, parse_relational, tokens, ops);
}

static int
parse_and (Parser *parser)
{
  static const char * const tokens[] = { "&&", NULL };
  static const Op ops[] = { OP_AND };

  return parse_binary (parser, parse_equality, tokens, ops);
}

static int
parse_or (Parser *parser)
{
  static const char * const tokens[] = { "||", NULL };
  static const Op ops[] = { OP_OR };

  return parse_binary (parser, parse_and, tokens, ops);
}

static int
parse_conditional (Parser *parser)
{
  int condition, then_branch, else_branch;

  if (++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return -1;
    }
  condition = parse_or (parser);
  if (!parser->failed && accept (parser, "?"))
    {
      then_branch = parse_conditional (parser);
      if (!accept (parser, ":"))
        parser->failed = TRUE;
      else_branch = parse_conditional (parser);
      condition = add_node (parser, OP_COND, condition, then_branch, else_branch);
    }
  parser->depth--;
  return parser->failed ? -1 : condition;
}

CrepitusPluralExpression *
crepitus_plural_expression_parse (const char *text)
{
  g_autoptr(CrepitusPluralExpression) expression = g_new0 (CrepitusPluralExpression, 1);
  Parser parser = { text, 0, FALSE, expression };

  g_return_val_if_fail (text != NULL, NULL);

  expression->root = parse_conditional (&parser);
  skip_space (&parser);
  /* The header's "plural=…;" ends at its semicolon. */
  if (*parser.p == ';')
    parser.p++;
  skip_space (&parser);
  if (parser.failed || expression->root < 0 || *parser.p != '\0')
    return NULL;
  return g_steal_pointer (&expression);
}

static gulong
eval_node (const CrepitusPluralExpression *expression,
           int                             index,
           gulong                          n)
{
  const Node *node = &expression->nodes[index];
  gulong a, b;

  /* Operands always come before their operator in the array: the recursion is bounded by the
   * parser's depth limit and the tree's size. */
  switch (node->op)
    {
    case OP_N:
      return n;
    case OP_NUMBER:
      return node->value;
    case OP_NOT:
      return !eval_node (expression, node->args[0], n);
    case OP_AND:
      return eval_node (expression, node->args[0], n) && eval_node (expression, node->args[1], n);
    case OP_OR:
      return eval_node (expression, node->args[0], n) || eval_node (expression, node->args[1], n);
    case OP_COND:
      return eval_node (expression, node->args[0], n) ?
             eval_node (expression, node->args[1], n) : eval_node (expression, node->args[2], n);
    default:
      break;
    }

  a = eval_node (expression, node->args[0], n);
  b = eval_node (expression, node->args[1], n);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_DIV: return b == 0 ? 0 : a / b;
    case OP_MOD: return b == 0 ? 0 : a % b;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT:  return a < b;
    case OP_GT:  return a > b;
    case OP_LE:  return a <= b;
    case OP_GE:  return a >= b;
    case OP_EQ:  return a == b;
    case OP_NE:  return a != b;
    default:     return 0;
    }
}

gulong
crepitus_plural_expression_eval (const CrepitusPluralExpression *expression,
                                 gulong                          n)
{
  g_return_val_if_fail (expression != NULL, 0);

  return eval_node (expression, expression->root, n);
}

void
crepitus_plural_expression_free (CrepitusPluralExpression *expression)
{
  g_free (expression);
}
