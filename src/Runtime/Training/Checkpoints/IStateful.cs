using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Something whose state a checkpoint saves and a resume restores (Composer's <c>Serializable</c>, PyTorch's
/// <c>state_dict</c>): algorithms, callbacks, schedulers. The state is named tensors, so a checkpoint writes it
/// the way it writes the model's weights; numbers are 0-d tensors.
/// </summary>
public interface IStateful
{
    /// <summary>
    /// The state to save. Return tensors you keep (EMA weights) as they are; tensors made for the call are
    /// freed by the caller's dispose scope after it has written them.
    /// </summary>
    Dictionary<string, Tensor> StateDict();

    /// <summary>
    /// Restores what <see cref="StateDict"/> returned. Called only after the whole checkpoint has been read and
    /// checked against every part of the trainer (same keys, shapes and types as this object's own state), so
    /// nothing is applied from a checkpoint that is refused. The tensors belong to the caller: copy from them.
    /// </summary>
    /// <param name="state">The saved state, by the keys <see cref="StateDict"/> used.</param>
    void LoadStateDict(IReadOnlyDictionary<string, Tensor> state);
}
