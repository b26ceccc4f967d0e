// Rouge::Lexers::Julia (rouge 3.30 lib/rouge/lexers/julia.rb). Its word
// lists are extended-mode regexes, whitespace ignored: "mutable struct" is
// the word "mutablestruct" there, and so here.
#include "site/highlight/languages.h"
#include "site/highlight/lexer.h"

namespace folio::site::highlight {

namespace {

using namespace tok;

const char *const kBuiltins = R"re((?x)\b(?: true | false | missing | nothing | Inf | Inf16 | Inf32 | Inf64 | NaN | NaN16 | NaN32
    | NaN64 | stdout | stderr | stdin | devnull | pi | π | ℯ | im | ARGS | C_NULL | ENV | ENDIAN_BOM
    | VERSION | undef | (LOAD|DEPOT)_PATH )\b)re";
const char *const kKeywords = R"re((?x)\b(?: function | return | module | import | export | if | else | elseif | end | for | in | isa
    | while | try | catch | const | local | global | using | struct | mutable struct | abstract type
    | finally | begin | do | quote | macro | for outer | where )\b)re";
const char *const kTypes = R"re((?x)\b(?: ARPACKException | AbstractArray | AbstractChannel | AbstractChar | AbstractDict
    | AbstractDisplay | AbstractFloat | AbstractIrrational | AbstractLogger | AbstractMatrix
    | AbstractREPL | AbstractRNG | AbstractRange | AbstractSerializer | AbstractSet
    | AbstractSparseArray | AbstractSparseMatrix | AbstractSparseVector | AbstractString
    | AbstractUnitRange | AbstractVecOrMat | AbstractVector | AbstractWorkerPool | Adjoint | Any
    | ArgumentError | Array | AssertionError | Base64DecodePipe | Base64EncodePipe | BasicREPL
    | Bidiagonal | BigFloat | BigInt | BitArray | BitMatrix | BitSet | BitVector | Bool | BoundsError
    | BunchKaufman | CachingPool | CapturedException | CartesianIndex | CartesianIndices | Cchar
    | Cdouble | Cfloat | Channel | Char | Cholesky | CholeskyPivoted | Cint | Cintmax_t | Clong
    | Clonglong | ClusterManager | Cmd | Colon | Complex | ComplexF16 | ComplexF32 | ComplexF64
    | CompositeException | Condition | ConsoleLogger | Cptrdiff_t | Cshort | Csize_t | Cssize_t
    | Cstring | Cuchar | Cuint | Cuintmax_t | Culong | Culonglong | Cushort | Cvoid | Cwchar_t
    | Cwstring | DataType | Date | DateFormat | DatePeriod | DateTime | Day | DenseArray | DenseMatrix
    | DenseVecOrMat | DenseVector | Diagonal | Dict | DimensionMismatch | Dims | DivideError
    | DomainError | EOFError | Eigen | Enum | ErrorException | Exception | ExponentialBackOff | Expr
    | FDWatcher | Factorization | FileMonitor | Float16 | Float32 | Float64 | FolderMonitor | Function
    | GeneralizedEigen | GeneralizedSVD | GeneralizedSchur | GenericArray | GenericDict | GenericSet
    | GenericString | GitConfig | GitRepo | GlobalRef | HMAC_CTX | HTML | Hermitian | Hessenberg | Hour
    | IO | IOBuffer | IOContext | IOStream | IPAddr | IPv4 | IPv6 | IdDict | IndexCartesian
    | IndexLinear | IndexStyle | InexactError | InitError | Int | Int128 | Int16 | Int32 | Int64 | Int8
    | Integer | InterruptException | InvalidStateException | Irrational | KeyError | LAPACKException
    | LDLt | LQ | LU | LinRange | LineEditREPL | LineNumberNode | LinearIndices | LoadError | LogLevel
    | LowerTriangular | MIME | Matrix | MersenneTwister | Method | MethodError | Microsecond
    | Millisecond | Minute | Missing | MissingException | Module | Month | NTuple | NamedTuple
    | Nanosecond | Nothing | NullLogger | Number | OrdinalRange | OutOfMemoryError | OverflowError
    | PackageMode | PackageSpec | Pair | PartialQuickSort | Period | PermutedDimsArray | Pipe
    | PollingFileWatcher | PosDefException | ProcessExitedException | Ptr | QR | QRPivoted | QuoteNode
    | RandomDevice | RankDeficientException | Rational | RawFD | ReadOnlyMemoryError | Real
    | ReentrantLock | Ref | Regex | RegexMatch | RemoteChannel | RemoteException | RoundingMode
    | SHA1_CTX | SHA224_CTX | SHA256_CTX | SHA2_224_CTX | SHA2_256_CTX | SHA2_384_CTX | SHA2_512_CTX
    | SHA384_CTX | SHA3_224_CTX | SHA3_256_CTX | SHA3_384_CTX | SHA3_512_CTX | SHA512_CTX | SVD | Schur
    | Second | SegmentationFault | Serializer | Set | SharedArray | SharedMatrix | SharedVector | Signed
    | SimpleLogger | SingularException | Some | SparseMatrixCSC | SparseVector | StackOverflowError
    | StepRange | StepRangeLen | StreamREPL | StridedArray | StridedMatrix | StridedVecOrMat
    | StridedVector | String | StringIndexError | SubArray | SubString | SubstitutionString
    | SymTridiagonal | Symbol | Symmetric | SystemError | TCPSocket | Task | TestSetException | Text
    | TextDisplay | Time | TimePeriod | TimeType | TimeZone | Timer | Transpose | Tridiagonal | Tuple
    | Type | TypeError | TypeVar | UDPSocket | UInt | UInt128 | UInt16 | UInt32 | UInt64 | UInt8 | UTC
    | UUID | UndefInitializer | UndefKeywordError | UndefRefError | UndefVarError | UniformScaling
    | Union | UnionAll | UnitLowerTriangular | UnitRange | UnitUpperTriangular | Unsigned | UpgradeLevel
    | UpperTriangular | Val | Vararg | VecElement | VecOrMat | Vector | VersionNumber | WeakKeyDict
    | WeakRef | Week | WorkerConfig | WorkerPool | Year )\b)re";
const char *const kOperators = R"re((?x)\+ | = | - | \* | / | \\ | & | \| | \$ | ~ | \^ | % | ! | >>> | >> | << | && | \|\| | \+= | -=
    | \*= | /= | \\= | ÷= | %= | \^= | &= | \|= | \$= | >>>= | >>= | <<= | == | != | ≠ | <= | ≤ | >= | ≥
    | \. | :: | <: | -> | \? | \.\* | \.\^ | \.\\ | \./ | \\ | < | > | ÷ | >: | : | === | !== | =>)re";

#define WORD R"(\p{Alphabetic}\p{M}\p{Nd}\p{Pc})"
#define JULIA_NAME R"([\p{L}\p{Nl}\p{S}_][)" WORD R"(\p{S}\p{Po}!]*)"

void define(Language &l)
{
    l.state("root")
        .rule(R"(\n)", Text)
        .rule(R"([^\S\n]+)", Text)
        .rule(R"(#=)", CommentMultiline, "blockcomment")
        .rule(R"(#.*$)", Comment)
        .rule(kOperators, Operator)
        .rule(R"(\\\n)", Text)
        .rule(R"(\\)", Text)
        .rule(R"((function|macro)((?:\s|\\\s)+))", {Keyword, NameFunction}, "funcname")
        .rule(R"(((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+))", {Keyword, NameClass}, "typename")
        .rule(kTypes, KeywordType)
        .rule(R"((local|global|const)\b)", KeywordDeclaration)
        .rule(kKeywords, Keyword)
        .rule(kBuiltins, NameBuiltin)
        .rule(R"(`.*?`)", StrBacktick)
        .rule(R"('(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\'\n])')", StrChar)
        .rule(R"((?<=[.\w)\]])'+)", Operator)
        .rule(R"re((?:[IL])")re", Str, "string")
        .rule(R"re([E]?")re", Str, "string")
        .rule(R"(@[\w.]+)", NameDecorator)
        .rule(R"((?:[a-zA-Z_\x{00A1}-\x{ffff}]|[\x{1000}-\x{10ff}])(?:[a-zA-Z_0-9\x{00A1}-\x{ffff}]|[\x{1000}-\x{10ff}])*!*)",
              Name)
        .rule(R"([\[\]{}\(\),;])", Other)
        .rule(R"((\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?)", NumFloat)
        .rule(R"((\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?)", NumFloat)
        .rule(R"(\d+(_\d+)+[eEf][+-]?[0-9]+)", NumFloat)
        .rule(R"(\d+[eEf][+-]?[0-9]+)", NumFloat)
        .rule(R"(0b[01]+(_[01]+)+)", NumBin)
        .rule(R"(0b[01]+)", NumBin)
        .rule(R"(0o[0-7]+(_[0-7]+)+)", NumOct)
        .rule(R"(0o[0-7]+)", NumOct)
        .rule(R"(0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+)", NumHex)
        .rule(R"(0x[a-fA-F0-9]+)", NumHex)
        .rule(R"(\d+(_\d+)+)", NumInteger)
        .rule(R"(\d+)", NumInteger);

    l.state("funcname")
        .rule(JULIA_NAME, NameFunction, "#pop")
        .rule(R"(\([^\s\w{]{1,2}\))", Operator, "#pop")
        .rule(R"([^\s\w{]{1,2})", Operator, "#pop");

    l.state("typename").rule(JULIA_NAME, NameClass, "#pop");

    l.state("stringescape")
        .rule(R"(\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3}))", StrEscape);

    l.state("blockcomment")
        .rule(R"([^=#])", CommentMultiline)
        .rule(R"(#=)", CommentMultiline, "blockcomment")
        .rule(R"(=#)", CommentMultiline, "#pop")
        .rule(R"([=#])", CommentMultiline);

    l.state("string")
        .mixin("stringescape")
        .rule(R"(")", Str, "#pop")
        .rule(R"re(\\\\|\\"|\\\n)re", StrEscape) // included here for raw strings
        .rule(R"(\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?)", StrInterpol)
        .rule(R"([^\\"$]+)", Str)
        .rule(R"(["\\])", Str)
        .rule(R"(\$)", Str);
}

} // namespace

const Language &julia()
{
    static const Language lang("julia", {"jl"}, define);
    return lang;
}

} // namespace folio::site::highlight
