using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Sharpness-aware minimization (Foret et al. 2021; Composer's <c>SAM</c>): the optimizer steps from the weights
/// <c>w</c> with the gradient taken at <c>w + ε</c>, where <c>ε = rho · g / (‖g‖ + epsilon)</c> climbs along the
/// batch's gradient <c>g</c> at <c>w</c>. Each such step costs a second forward and backward pass.
/// </summary>
/// <remarks>
/// Composer wraps the optimizer; here SAM acts at <see cref="Event.AfterTrainBatch"/>, when the gradient at <c>w</c>
/// is complete (averaged across ranks): it moves the weights to <c>w + ε</c>, asks the trainer for the gradient there
/// (<see cref="State.RecomputeGradients"/>: every micro-batch again, with their events), and puts <c>w</c> back
/// exactly; clipping and the optimizer step follow as usual. <c>‖g‖</c> is the 2-norm of all gradients together. The
/// reported loss is the one at <c>w</c>. Stateless: whether a batch takes a SAM step follows from the batch count.
/// </remarks>
public sealed class SAM : Algorithm
{
    /// <summary>Sharpness-aware steps of radius <paramref name="rho"/> every <paramref name="interval"/> batches.</summary>
    /// <param name="rho">The radius of the neighbourhood, &gt; 0. Default 0.05.</param>
    /// <param name="epsilon">Added to the gradient's norm, ≥ 0. Default 1e-12.</param>
    /// <param name="interval">Take a SAM step every this many batches (ordinary steps between), ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public SAM(double rho = 0.05, double epsilon = 1e-12, int interval = 1)
    {
        Rho = Check.Positive(rho);
        Epsilon = Check.NotNegative(epsilon);
        Interval = Check.Positive(interval);
    }

    /// <summary>The radius of the neighbourhood.</summary>
    public double Rho { get; }

    /// <summary>Added to the gradient's norm.</summary>
    public double Epsilon { get; }

    /// <summary>A SAM step every this many batches.</summary>
    public int Interval { get; }

    /// <inheritdoc />
    public override IReadOnlyCollection<Event> Events { get; } = [Event.AfterTrainBatch];

    /// <inheritdoc />
    public override bool Match(Event e, State state) => (state.Timestamp.Batch + 1) % Interval == 0;

    /// <inheritdoc />
    public override void Apply(Event e, State state, Logger logger)
    {
        var parameters = state.Model.parameters().Where(p => p.grad is not null).ToList();
        if (parameters.Count == 0)
        {
            return;
        }

        var originals = new List<Tensor>(parameters.Count);
        using (no_grad())
        {
            var norm = stack(parameters.Select(p => p.grad!.norm()).ToList()).norm();
            var scale = Rho / (norm + Epsilon); // on the device: no wait for it
            foreach (var parameter in parameters)
            {
                originals.Add(parameter.detach().clone());
                parameter.add_(parameter.grad! * scale);
            }
        }

        state.RecomputeGradients();
        using (no_grad())
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].copy_(originals[i]);
            }
        }
    }
}
