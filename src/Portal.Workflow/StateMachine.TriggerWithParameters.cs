namespace Portal.Workflow;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>A trigger declared (via <c>SetTriggerParameters</c>) to carry typed arguments.</summary>
    public abstract class TriggerWithParameters
    {
        private protected TriggerWithParameters(TTrigger trigger, params Type[] argumentTypes)
        {
            Trigger = trigger;
            ArgumentTypes = argumentTypes;
        }

        /// <summary>The underlying trigger value.</summary>
        public TTrigger Trigger { get; }

        /// <summary>The declared argument types, in order.</summary>
        public IReadOnlyList<Type> ArgumentTypes { get; }

        /// <summary>True when <paramref name="args"/> has the declared count and compatible types.</summary>
        public bool Matches(object?[] args)
        {
            if (args.Length != ArgumentTypes.Count)
            {
                return false;
            }

            for (var i = 0; i < args.Length; i++)
            {
                if (!IsCompatible(ArgumentTypes[i], args[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="args"/> match the declaration.</summary>
        public void Validate(object?[] args)
        {
            if (args.Length != ArgumentTypes.Count)
            {
                throw new ArgumentException(
                    $"Trigger '{Trigger}' takes {ArgumentTypes.Count} argument(s) but {args.Length} were given.", nameof(args));
            }

            for (var i = 0; i < args.Length; i++)
            {
                if (!IsCompatible(ArgumentTypes[i], args[i]))
                {
                    var actual = args[i] is null ? "null" : args[i]!.GetType().Name;
                    throw new ArgumentException(
                        $"Argument {i} of trigger '{Trigger}' must be of type {ArgumentTypes[i].Name} but was {actual}.", nameof(args));
                }
            }
        }

        internal bool HasSameTypes(TriggerWithParameters other)
        {
            if (other.ArgumentTypes.Count != ArgumentTypes.Count)
            {
                return false;
            }

            for (var i = 0; i < ArgumentTypes.Count; i++)
            {
                if (ArgumentTypes[i] != other.ArgumentTypes[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsCompatible(Type type, object? value) =>
            value is null
                ? !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
                : type.IsInstanceOfType(value);
    }

    /// <summary>A trigger carrying one argument.</summary>
    public sealed class TriggerWithParameters<TArg> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger)
            : base(trigger, typeof(TArg))
        {
        }
    }

    /// <summary>A trigger carrying two arguments.</summary>
    public sealed class TriggerWithParameters<TArg0, TArg1> : TriggerWithParameters
    {
        internal TriggerWithParameters(TTrigger trigger)
            : base(trigger, typeof(TArg0), typeof(TArg1))
        {
        }
    }
}
