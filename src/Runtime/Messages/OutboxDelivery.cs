using Microsoft.EntityFrameworkCore;

namespace OutboxGen;

/// <summary>What generated dispatch code receives for one row: the row and the context it was drained from.</summary>
public sealed class OutboxDelivery
{
    internal OutboxDelivery(OutboxMessage message, DbContext source)
    {
        Message = message;
        Source = source;
    }

    /// <summary>The delivered row.</summary>
    public OutboxMessage Message { get; }

    /// <summary>A context on the silo the row was written in, used to load a replicated model by id.</summary>
    public DbContext Source { get; }

    /// <summary>Loads a replicated model by the row's object identifier, untracked; null when it is gone.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="key">The object identifier converted to the model's key type.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<TModel?> FindAsync<TModel>(object key, CancellationToken cancellationToken)
        where TModel : class
    {
        var model = await Source.Set<TModel>().FindAsync([key], cancellationToken).ConfigureAwait(false);
        if (model is not null)
        {
            Source.Entry(model).State = EntityState.Detached;
        }

        return model;
    }
}
