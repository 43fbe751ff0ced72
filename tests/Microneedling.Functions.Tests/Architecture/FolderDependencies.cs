using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Microneedling.Functions.Tests.Architecture;

/// <summary>
/// Which top-level folders of an assembly use which, read from the compiled IL (signatures, bodies,
/// attributes, generic arguments), so a dependency cannot hide behind a fully qualified name, a
/// lambda or an async state machine. A folder is the namespace segment after the assembly's root
/// namespace; types outside any folder (Program) count as <c>(root)</c>.
/// </summary>
internal sealed class FolderDependencies
{
    public const string Root = "(root)";

    private FolderDependencies(IReadOnlyDictionary<string, SortedSet<string>> edges, IReadOnlyDictionary<(string From, string To), SortedSet<string>> witnesses)
    {
        Edges = edges;
        Witnesses = witnesses;
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges { get; }

    /// <summary>For each edge, the types that make it, to say where a cycle comes from.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Witnesses { get; }

    public static FolderDependencies Of(string assemblyPath, string rootNamespace)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var witnesses = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var type in module.GetTypes())
        {
            var from = FolderOf(type, rootNamespace);
            if (from is null)
            {
                continue;
            }

            edges.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
            foreach (var used in UsedTypes(type).Where(t => ReferenceEquals(t.Scope, module)))
            {
                var to = FolderOf(used, rootNamespace);
                if (to is null || to == from)
                {
                    continue;
                }

                edges[from].Add(to);
                var key = (from, to);
                if (!witnesses.TryGetValue(key, out var names))
                {
                    witnesses[key] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add($"{Outermost(type).FullName} -> {Outermost(used).FullName}");
            }
        }

        return new FolderDependencies(edges, witnesses);
    }

    /// <summary>Every set of folders that use each other in a loop (strongly connected components of more than one folder).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var node in Edges.Keys.Where(n => !index.ContainsKey(n)))
        {
            Connect(node);
        }

        return cycles;

        void Connect(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Connect(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }
    }

    public string Listing() => string.Join('\n', Edges.Select(e => $"{e.Key} -> {(e.Value.Count == 0 ? "(nothing)" : string.Join(", ", e.Value))}"));

    private static string? FolderOf(TypeReference type, string rootNamespace)
    {
        var ns = Outermost(type).Namespace;
        if (ns.Length == 0)
        {
            return type.Name.StartsWith('<') ? null : Root;
        }

        if (ns == rootNamespace)
        {
            return Root;
        }

        return ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns[(rootNamespace.Length + 1)..].Split('.')[0] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        AddAttributes(type);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
            {
                AddAttributes(parameter);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference m:
                        AddMethod(m);
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Value as TypeReference);
                }
            }
        }

        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }
    }
}
