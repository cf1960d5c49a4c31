namespace Errata.Machine.Execution;

/// <summary>What an instruction handler did, for the step loop to commit.</summary>
internal enum ExecResult : byte
{
    /// <summary>Completed; RIP moves to the next instruction.</summary>
    Next,
    /// <summary>Completed and set RIP itself (branches, IRETQ, VMRUN, an intercept, a software interrupt).</summary>
    Jump,
    /// <summary>Raised a fault (<see cref="Core.Cpu.Fault"/>); RIP stays on the instruction.</summary>
    Fault,
    /// <summary>HLT completed: the processor waits for an event.</summary>
    Halt,
    /// <summary>Not in the supported list: the run stops.</summary>
    Unsupported,
}
