import KensaYAML

/// Loads and compiles policy sets.
///
/// ```swift
/// let policy = try PolicySet.load(directory: "policies/jp")   // throws PolicyErrors listing every problem
/// ```
public enum PolicySet {
    /// Every diagnostic of a set (errors and warnings, sorted by file, line and column) and the compiled policy
    /// when there is no error.
    public static func check(
        _ files: PolicyFiles, limits: YAMLLimits = .standard
    ) -> (policy: CompiledPolicy?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let setSpan = SourceSpan(
            file: files.files.first?.displayName ?? files.directory, start: SourcePosition(line: 1, column: 1),
            end: SourcePosition(line: 1, column: 1))
        if files.files.isEmpty && files.problems.isEmpty {
            log.error(.noPolicyFiles, "no policy files (*.yaml, *.yml) in this directory", at: setSpan)
            return (nil, log.diagnostics)
        }
        for problem in files.problems { log.append(Diagnostic(problem)) }
        var parser = PolicyParser(log: log)
        var unread: [String] = files.problems.map(\.file)
        for file in files.files {
            let yaml = YAMLReader.parse(file.bytes, file: file.displayName, limits: limits)
            for problem in yaml.problems { log.append(Diagnostic(problem)) }
            if !yaml.problems.isEmpty && yaml.documents.isEmpty { unread.append(file.displayName) }
            if yaml.problems.isEmpty && !yaml.documents.contains(where: PolicyParser.definesSomething) {
                log.error(
                    .emptyFile, "this file defines nothing: it is empty, or holds only comments and `kensa: 1`",
                    at: SourceSpan(
                        file: file.displayName, start: SourcePosition(line: 1, column: 1),
                        end: SourcePosition(line: 1, column: 1)),
                    help: "restore what it held, or remove it: a file emptied by mistake must not drop rules unseen")
            }
            for document in yaml.documents { parser.add(document: document) }
        }
        let compiler = PolicyCompiler(syntax: parser.syntax, log: log, setSpan: setSpan)
        let policy = compiler.compile(digest: files.digest)
        var seen = Set<Diagnostic>()
        let unique = log.diagnostics.filter { seen.insert($0).inserted }.map { Self.noting(unread, in: $0) }
        return (log.hasErrors ? nil : policy, unique.sorted(by: Diagnostic.ordered))
    }

    /// A name the set does not define may be defined in a file that could not be read: such a diagnostic says so,
    /// so the author fixes that file first rather than adding a definition that already exists.
    private static func noting(_ unread: [String], in diagnostic: Diagnostic) -> Diagnostic {
        let undefined: Set<DiagnosticCode> = [
            .undefinedParameter, .unknownVendorGroup, .unknownRule, .unknownScope, .unknownSource, .unknownEntity,
        ]
        guard !unread.isEmpty, undefined.contains(diagnostic.code) else { return diagnostic }
        var noted = diagnostic
        let files = unread.map { "`\($0)`" }.joined(separator: ", ")
        noted.notes.append("\(files) could not be read, and may define it")
        return noted
    }

    /// The compiled set in `directory`, or `PolicyErrors` with every diagnostic when it has errors.
    public static func load(directory: String, limits: YAMLLimits = .standard) throws -> CompiledPolicy {
        let (policy, diagnostics) = check(
            try PolicyFiles(directory: directory, maxBytes: limits.maxBytes), limits: limits)
        guard let policy else { throw PolicyErrors(diagnostics) }
        return policy
    }

    /// The compiled set at `path`, a directory or a bundle (see `PolicyFiles(path:requiredKey:)`), or
    /// `PolicyErrors` with every diagnostic when it has errors.
    public static func load(
        path: String, requiredKey: BundlePublicKey? = nil, limits: YAMLLimits = .standard
    ) throws -> CompiledPolicy {
        let (policy, diagnostics) = check(try PolicyFiles(path: path, requiredKey: requiredKey), limits: limits)
        guard let policy else { throw PolicyErrors(diagnostics) }
        return policy
    }
}

extension Diagnostic {
    /// A YAML reading problem as a policy diagnostic with its stable code.
    init(_ problem: YAMLProblem) {
        let code: DiagnosticCode =
            switch problem.kind {
            case .syntax, .complexKey, .mergeKey: .yamlSyntax
            case .duplicateKey: .duplicateKey
            case .tooDeep, .tooLarge, .tooManyAliasNodes, .tooMuchAliasText: .fileLimit
            case .unreadable, .invalidEncoding: .unreadableFile
            }
        let span = SourceSpan(file: problem.file, start: problem.position, end: problem.position)
        self.init(code, problem.message, at: span)
    }
}
